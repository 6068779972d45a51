variable "subnet_arn" {}
variable "plain_efs_arn" {}
variable "plain_efs_sg_arn" {}
variable "encrypted_efs_arn" {}
variable "encrypted_efs_sg_arn" {}
variable "cloudwatch_log_group_arn" {}

resource "aws_datasync_location_efs" "plain" {
  efs_file_system_arn   = var.plain_efs_arn
  subdirectory          = "/"
  in_transit_encryption = "TLS1_2"

  ec2_config {
    security_group_arns = [var.plain_efs_sg_arn]
    subnet_arn          = var.subnet_arn
  }
}

resource "aws_datasync_location_efs" "encrypted" {
  efs_file_system_arn   = var.encrypted_efs_arn
  subdirectory          = "/"
  in_transit_encryption = "TLS1_2"

  ec2_config {
    security_group_arns = [var.encrypted_efs_sg_arn]
    subnet_arn          = var.subnet_arn
  }
}

resource "aws_datasync_task" "encrypt" {
  name                     = "efs-unencrypted-to-encrypted"
  source_location_arn      = aws_datasync_location_efs.plain.arn
  destination_location_arn = aws_datasync_location_efs.encrypted.arn
  cloudwatch_log_group_arn = var.cloudwatch_log_group_arn

  options {
    bytes_per_second = -1
  }
}
