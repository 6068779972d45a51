# Written from an SST (Pulumi) program: pulumi-aws is the Terraform AWS provider
# bridged, so its Task arguments and their defaults are this resource's.

variable "app" {
  type    = string
  default = "blocks"
}

variable "stage" {
  type    = string
  default = "prod"
}

variable "server_id" {
  type    = string
  default = "survival"
}

variable "private_subnet_arn" {
  type = string
}

variable "server_sg_arns" {
  type = list(string)
}

resource "aws_s3_bucket" "backup" {
  bucket = "${var.app}-${var.stage}-backup"
}

resource "aws_cloudwatch_log_group" "copy" {
  name = "/aws/vendedlogs/datasync/${var.app}-${var.stage}"
}

resource "aws_iam_role" "copy" {
  name = "${var.app}-${var.stage}-datasync"
  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Principal = { Service = "datasync.amazonaws.com" }
      Action    = "sts:AssumeRole"
    }]
  })
}

resource "aws_efs_file_system" "world" {}

resource "aws_efs_access_point" "world" {
  file_system_id = aws_efs_file_system.world.id
}

resource "aws_datasync_location_s3" "backup" {
  s3_bucket_arn    = aws_s3_bucket.backup.arn
  s3_storage_class = "STANDARD"
  subdirectory     = "/${var.server_id}"

  s3_config {
    bucket_access_role_arn = aws_iam_role.copy.arn
  }
}

resource "aws_datasync_location_efs" "world" {
  access_point_arn            = aws_efs_access_point.world.arn
  subdirectory                = "/"
  efs_file_system_arn         = aws_efs_access_point.world.file_system_arn
  file_system_access_role_arn = aws_iam_role.copy.arn
  in_transit_encryption       = "TLS1_2"

  ec2_config {
    subnet_arn          = var.private_subnet_arn
    security_group_arns = var.server_sg_arns
  }
}

resource "aws_datasync_task" "backup" {
  name                     = "${var.server_id}-backup"
  source_location_arn      = aws_datasync_location_efs.world.arn
  destination_location_arn = aws_datasync_location_s3.backup.arn
  cloudwatch_log_group_arn = aws_cloudwatch_log_group.copy.arn

  schedule {
    schedule_expression = "cron(0 0 ? * SUN *)"
  }

  options {
    preserve_deleted_files = "REMOVE"
    log_level              = "TRANSFER"
  }
}

resource "aws_datasync_task" "restore" {
  name                     = "${var.server_id}-restore"
  source_location_arn      = aws_datasync_location_s3.backup.arn
  destination_location_arn = aws_datasync_location_efs.world.arn
  cloudwatch_log_group_arn = aws_cloudwatch_log_group.copy.arn

  options {
    preserve_deleted_files = "REMOVE"
    log_level              = "TRANSFER"
  }
}
