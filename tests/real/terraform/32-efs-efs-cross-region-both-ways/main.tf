provider "aws" {
  region = "us-east-1"
}

provider "aws" {
  alias  = "dr"
  region = "us-east-2"
}

locals {
  primary_file_system = "fs-0a1b2c3d4e5f60718"
  dr_file_system      = "fs-08f7e6d5c4b3a2910"
  primary_subnet      = "subnet-0123456789abcdef0"
  dr_subnet           = "subnet-0fedcba9876543210"
  primary_sg          = "sg-0123456789abcdef0"
  dr_sg               = "sg-0fedcba9876543210"
}

data "aws_efs_mount_target" "primary" {
  file_system_id = local.primary_file_system
}

data "aws_efs_mount_target" "dr" {
  provider       = aws.dr
  file_system_id = local.dr_file_system
}

data "aws_subnet" "primary" {
  id = local.primary_subnet
}

data "aws_subnet" "dr" {
  provider = aws.dr
  id       = local.dr_subnet
}

data "aws_security_group" "primary" {
  id = local.primary_sg
}

data "aws_security_group" "dr" {
  provider = aws.dr
  id       = local.dr_sg
}

resource "aws_datasync_location_efs" "primary" {
  efs_file_system_arn = data.aws_efs_mount_target.primary.file_system_arn

  ec2_config {
    security_group_arns = [data.aws_security_group.primary.arn]
    subnet_arn          = data.aws_subnet.primary.arn
  }
}

resource "aws_datasync_location_efs" "dr" {
  provider            = aws.dr
  efs_file_system_arn = data.aws_efs_mount_target.dr.file_system_arn

  ec2_config {
    security_group_arns = [data.aws_security_group.dr.arn]
    subnet_arn          = data.aws_subnet.dr.arn
  }
}

# primary -> DR every hour
resource "aws_datasync_task" "to_dr" {
  name                     = "EfsReplication"
  source_location_arn      = aws_datasync_location_efs.primary.arn
  destination_location_arn = aws_datasync_location_efs.dr.arn

  schedule {
    schedule_expression = "cron(0 * * * ? *)"
  }
}

# and back, on the same schedule, with the same name
resource "aws_datasync_task" "from_dr" {
  name                     = "EfsReplication"
  source_location_arn      = aws_datasync_location_efs.dr.arn
  destination_location_arn = aws_datasync_location_efs.primary.arn

  schedule {
    schedule_expression = "cron(0 * * * ? *)"
  }
}
