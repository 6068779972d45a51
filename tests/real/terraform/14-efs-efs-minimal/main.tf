variable "env_name" {
  type = string
}

variable "account_info" {
  type = any
}

variable "private_subnet_id" {
  type = string
}

resource "aws_datasync_location_efs" "to" {
  efs_file_system_arn = module.directory_efs.fs_arn

  ec2_config {
    security_group_arns = [module.directory_efs.sg_arn]
    subnet_arn          = "arn:aws:ec2:${var.account_info.region}:${var.account_info.id}:subnet/${var.private_subnet_id}"
  }
}

resource "aws_datasync_location_efs" "from" {
  efs_file_system_arn = module.directory_efs.fs_arn

  ec2_config {
    security_group_arns = [module.directory_efs.sg_arn]
    subnet_arn          = "arn:aws:ec2:${var.account_info.region}:${var.account_info.id}:subnet/${var.private_subnet_id}"
  }
}

resource "aws_datasync_task" "refresh" {
  source_location_arn      = aws_datasync_location_efs.from.arn
  destination_location_arn = aws_datasync_location_efs.to.arn

  name = "ldap-datasync-task-push-from-${var.env_name}"
}
